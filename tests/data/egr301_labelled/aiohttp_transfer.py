import aiohttp


async def move(source, target, cents):
    async with aiohttp.ClientSession() as http:
        # label: EGR301
        async with http.post("https://api.ledger-seven.example.com/transfer",
                             json={"from_iban": source, "to_iban": target, "cents": cents}) as response:
            return await response.json()
