import httpx


def rename(user_id, name):
    # label: EGR301
    return httpx.put(f"https://id.profiles-two.example.com/users/{user_id}", json={"display_name": name})


def look_up(user_id):
    # label: none
    return httpx.get(f"https://id.profiles-two.example.com/users/{user_id}")
