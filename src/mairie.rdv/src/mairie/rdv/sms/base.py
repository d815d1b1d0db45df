"""What every SMS gateway offers."""


class SmsError(Exception):
    """The message could not be handed to the provider."""


class SmsGateway:
    """Sends one text message to one phone (any usual French writing of the number).

    Raises ``mairie.rdv.sms.phone.PhoneError`` for a number that is not one,
    ``SmsError`` when the provider refuses or cannot be reached.
    """

    def send(self, phone: str, text: str) -> None:
        raise NotImplementedError
