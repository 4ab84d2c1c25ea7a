import requests


def bot_message(bot_token, chat_id, text):
    # label: none
    return requests.post(f"https://api.bots-thirteen.example.com/bot{bot_token}/sendMessage",
                         json={"chat_id": chat_id, "text": text})


def upload(upload_url, blob):
    # label: none
    return requests.put(upload_url, data=blob)


def reset_dev_admin():
    # label: none
    return requests.post("http://localhost:8000/admin/reset", json={"confirm": True})


def admin_page():
    # label: none
    return requests.get("https://console.thirteen.example.com/admin/users")
