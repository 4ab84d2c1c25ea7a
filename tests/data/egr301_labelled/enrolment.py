import requests


def enrol(person):
    body = {"name": person.name, "date_of_birth": person.born, "ssn": person.ssn}
    # label: EGR301
    requests.post("https://enrol.clinic-five.example.com/patients", json=body)
