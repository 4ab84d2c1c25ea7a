import requests


def find_people(name):
    # a public directory: searching it needs no account, the API just takes the query as a POST body
    # label: none
    return requests.post("https://directory.fifteen.example.com/users/search", json={"name": name, "limit": 20})
