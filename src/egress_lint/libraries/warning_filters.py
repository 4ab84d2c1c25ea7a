"""Calls that silence warnings, and where each takes the action and the category."""
from .spec import Arg

# qualified name -> (action argument or None when the call always ignores, category argument,
#                    whether a missing category silences insecure-request warnings)
SILENCERS = {
    "urllib3.disable_warnings": (None, Arg("category", 0), True),
    "warnings.filterwarnings": (Arg("action", 0), Arg("category", 2), False),
    "warnings.simplefilter": (Arg("action", 0), Arg("category", 1), False),
}
IGNORE_ACTION = "ignore"
