import os

PROCESSOR_URL = "https://api.card-processor.example.com/v2"
LEDGER_URL = os.environ.get("LEDGER_URL", "https://ledger.internal.example.com")
