"""Stored online requests per second, with N parallel clients, against a running instance.

Run: .venv/bin/python bench/sve.py URL [CLIENTS] [PER_CLIENT]
  URL         a form with the SVE action, e.g.
              http://localhost:8080/saint-aubin-sur-loire/demarches/nous-contacter
  CLIENTS     parallel clients (default 8); PER_CLIENT requests each (default 25)

Each client POSTs JSON to the form's @demande endpoint (the same path as the web
form: stored, numbered, acknowledged). Raise the form's "Submissions allowed per
address in 10 minutes" first: every client comes from the same address, and the
refusals (429) are counted apart. Mails go to the instance's SMTP server.
"""

from concurrent.futures import ThreadPoolExecutor

import requests
import sys
import time


def client(url: str, index: int, count: int) -> tuple[int, int]:
    stored = refused = 0
    session = requests.Session()
    for n in range(count):
        response = session.post(
            f"{url}/@demande",
            json={
                "name": f"Client {index}",
                "email": f"client{index}.{n}@example.org",
                "subject": "Mesure",
                "message": "Demande de mesure.",
            },
            headers={"Accept": "application/json"},
            timeout=60,
        )
        if response.status_code == 201:
            stored += 1
        else:
            refused += 1
    return stored, refused


def main(url: str, clients: int, per_client: int) -> None:
    start = time.perf_counter()
    with ThreadPoolExecutor(clients) as pool:
        results = list(pool.map(lambda i: client(url, i, per_client), range(clients)))
    elapsed = time.perf_counter() - start
    stored = sum(result[0] for result in results)
    refused = sum(result[1] for result in results)
    print(f"clients: {clients}, requests: {clients * per_client}")
    print(f"stored: {stored}, refused: {refused}, time: {elapsed:.2f} s")
    print(f"stored submissions per second: {stored / elapsed:.1f}")


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    main(
        sys.argv[1].rstrip("/"),
        int(sys.argv[2]) if len(sys.argv) > 2 else 8,
        int(sys.argv[3]) if len(sys.argv) > 3 else 25,
    )
