"""Payments made directly in the store, as the payment form makes them, for the tests."""

from mairie.payfip.payments import attach_idop
from mairie.payfip.payments import new_payment


def pending(form, payfip, created, result=None, with_idop=True, amount=1250):
    """A pending payment created at ``created``, known to the fake PayFiP with ``result``."""
    payment = new_payment(form, "CANT2026000123", amount, "jeanne@example.net", now=created)
    if with_idop:
        idop = f"op-{payment.key}"
        payfip.operations[idop] = {
            "exer": str(created.year),
            "mel": payment.email,
            "montant": str(amount),
            "numcli": "123456",
            "objet": "Cantine scolaire",
            "refdet": payment.reference,
            "saisie": "T",
        }
        payfip.results[idop] = result
        attach_idop(form, payment, idop)
    return payment
