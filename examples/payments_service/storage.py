"""Where the payments service keeps its ledger and its session cache."""
import os

import psycopg2
import redis


def ledger_database():
    # No sslmode: libpq tries TLS, falls back to cleartext and never checks the server.
    return psycopg2.connect(host="ledger-db.payments.example.com", dbname="ledger", user="payments",
                            password=os.environ["LEDGER_DB_PASSWORD"])


def session_cache():
    # redis-py speaks cleartext unless ssl=True: the session tokens and the password travel in clear.
    return redis.Redis(host="sessions.payments.example.com", password=os.environ["SESSION_CACHE_PASSWORD"])
