import os

import requests

MONITOR = "https://api.monitor-eight.example.com/v2"
KEY = os.environ["MONITOR_KEY"]


def checks():
    # label: none
    return requests.get(MONITOR + "/checks", params={"api_key": KEY})


def drop(check_id):
    # label: EGR301
    return requests.delete(MONITOR + f"/checks/{check_id}")
