"""``download``: fetch GeoNames export files for some countries, then import them.

The base address defaults to GeoNames' export folder and can be changed with
``$GEOMAP_GEONAMES_URL`` (any URL urllib opens, ``file://`` included: that is how the tests and
offline mirrors use it).  Files land in a cache folder first and are imported from there.
"""

from __future__ import annotations

import os
import re
import shutil
import urllib.error
import urllib.request
from pathlib import Path

from platformdirs import user_cache_dir
from tqdm import tqdm

from .exc import DownloadError

DEFAULT_BASE_URL = "https://download.geonames.org/export/dump/"
URL_ENV_VAR = "GEOMAP_GEONAMES_URL"
SHARED_FILES = ("admin1CodesASCII.txt", "admin2Codes.txt", "countryInfo.txt",
                "featureCodes_en.txt")


def base_url() -> str:
    url = os.environ.get(URL_ENV_VAR, DEFAULT_BASE_URL)
    return url if url.endswith("/") else url + "/"


def files_for(codes: list[str]) -> list[str]:
    """Relative names of the export files for the given ISO country codes."""
    names = list(SHARED_FILES)
    for code in codes:
        code = code.strip().upper()
        if not re.fullmatch(r"[A-Z]{2}", code):
            raise DownloadError(f"not an ISO 3166-1 alpha-2 country code: {code!r}")
        names += [f"{code}.zip", f"alternatenames/{code}.zip"]
    return names


def fetch(codes: list[str], dest: Path | None = None, progress: bool | None = None,
          timeout: float = 60.0) -> list[Path]:
    """Download the files for ``codes`` into ``dest`` (the user cache by default)."""
    dest = dest or Path(user_cache_dir("geomap", appauthor=False)) / "geonames"
    paths = []
    for rel in tqdm(files_for(codes), desc="downloading", unit="file",
                    disable=progress is False, leave=False):
        target = dest / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        url = base_url() + rel
        tmp = target.with_name(target.name + ".part")
        try:
            with urllib.request.urlopen(url, timeout=timeout) as response, open(tmp, "wb") as out:
                shutil.copyfileobj(response, out)
        except urllib.error.HTTPError as exc:
            tmp.unlink(missing_ok=True)
            raise DownloadError(f"{url}: HTTP {exc.code} {exc.reason}") from exc
        except (urllib.error.URLError, OSError) as exc:
            tmp.unlink(missing_ok=True)
            reason = getattr(exc, "reason", exc)
            raise DownloadError(f"{url}: {reason} (offline? set ${URL_ENV_VAR} to a mirror,"
                                " or download by hand and use `geomap gazetteer add`)") from exc
        os.replace(tmp, target)
        paths.append(target)
    return paths
