# Semgrep test for egr105-insecure-warnings-silenced, written by tools/semgrep_tests.py from tests/fixtures/EGR105.py.
# Edit the fixture or the gap table of rules/README.md, then run the script again.
# Annotated fixture for EGR105 (insecure-request warnings silenced).
import warnings

import requests
import urllib3
from requests.packages.urllib3.exceptions import InsecureRequestWarning
from urllib3 import disable_warnings
from urllib3.exceptions import InsecureRequestWarning as IRW

# ruleid: egr105-insecure-warnings-silenced
urllib3.disable_warnings()
# ruleid: egr105-insecure-warnings-silenced
urllib3.disable_warnings(urllib3.exceptions.InsecureRequestWarning)
# ruleid: egr105-insecure-warnings-silenced
disable_warnings(IRW)
# ruleid: egr105-insecure-warnings-silenced
requests.packages.urllib3.disable_warnings(InsecureRequestWarning)
# ruleid: egr105-insecure-warnings-silenced
requests.packages.urllib3.disable_warnings()
# ruleid: egr105-insecure-warnings-silenced
urllib3.disable_warnings(category=urllib3.exceptions.HTTPWarning)
# ruleid: egr105-insecure-warnings-silenced
warnings.filterwarnings("ignore", category=InsecureRequestWarning)
# ruleid: egr105-insecure-warnings-silenced
warnings.filterwarnings("ignore", "", IRW)
# ruleid: egr105-insecure-warnings-silenced
warnings.simplefilter("ignore", InsecureRequestWarning)
# ruleid: egr105-insecure-warnings-silenced
warnings.simplefilter(action="ignore", category=urllib3.exceptions.InsecureRequestWarning)


def quiet():
    # ruleid: egr105-insecure-warnings-silenced
    urllib3.disable_warnings(urllib3.exceptions.InsecureRequestWarning)


def quiet_in_tests(testing):
    if testing:
        # ruleid: egr105-insecure-warnings-silenced
        warnings.simplefilter("ignore", InsecureRequestWarning)  # noisy in tests
    else:
        pass
    # ruleid: egr105-insecure-warnings-silenced
    return urllib3.disable_warnings()


# --- must not fire ----------------------------------------------------------------------------------
# ok: egr105-insecure-warnings-silenced
warnings.filterwarnings("ignore", category=DeprecationWarning)
# ok: egr105-insecure-warnings-silenced
warnings.simplefilter("ignore", ResourceWarning)
# ok: egr105-insecure-warnings-silenced
warnings.filterwarnings("error", category=InsecureRequestWarning)
# ok: egr105-insecure-warnings-silenced
warnings.simplefilter("always", InsecureRequestWarning)
# ok: egr105-insecure-warnings-silenced
urllib3.disable_warnings(urllib3.exceptions.SubjectAltNameWarning)


# --- a client's own switch for the warning --------------------------------------------------------------------
from elasticsearch import Elasticsearch

# ruleid: egr105-insecure-warnings-silenced
hushed_search = Elasticsearch("https://es.example.com:9200", verify_certs=False, ssl_show_warn=False)
# ok: egr105-insecure-warnings-silenced
quiet_search = Elasticsearch("https://es.example.com:9200", ssl_show_warn=False)


# --- the async OpenSearch client ---------------------------------------------------------------------------
from opensearchpy import AsyncOpenSearch

# ruleid: egr105-insecure-warnings-silenced
hushed_async_search = AsyncOpenSearch(["https://search.example.com:9200"], verify_certs=False, ssl_show_warn=False)
# ok: egr105-insecure-warnings-silenced
checked_async_search = AsyncOpenSearch(["https://search.example.com:9200"], ca_certs="/etc/ssl/search-ca.pem", ssl_show_warn=False)
