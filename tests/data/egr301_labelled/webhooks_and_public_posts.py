import requests


def to_chat(webhook_url, text):
    # label: none
    return requests.post(webhook_url, json={"text": text})


def paste(text):
    # label: none
    return requests.post("https://paste.nine.example.com/documents", data=text.encode())


def track(event):
    # label: none
    return requests.post("https://metrics.nine.example.com/collect", json={"event": event, "ts": 1})


def search(words):
    # label: none
    return requests.post("https://catalog.nine.example.com/search", json={"q": words})
