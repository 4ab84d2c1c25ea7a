VAULT_API = "https://vault.seventeen.example.com/v1"
