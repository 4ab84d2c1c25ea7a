"""Ledger client: async, over httpx and aiohttp."""
import ssl

import aiohttp
import httpx

from .settings import LEDGER_URL


def make_ledger_client():
    return httpx.AsyncClient(base_url=LEDGER_URL, verify=False)


async def post_entry(entry):
    connector = aiohttp.TCPConnector(ssl=False)
    async with aiohttp.ClientSession(connector=connector) as session:
        async with session.post(f"{LEDGER_URL}/entries", json=entry) as response:
            return await response.json()


def legacy_context():
    ctx = ssl.create_default_context()
    ctx.check_hostname = False
    ctx.verify_mode = ssl.CERT_NONE
    return ctx
