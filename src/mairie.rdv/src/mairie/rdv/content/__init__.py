"""The booking's content types: the agenda, its services (motifs) and its counters (guichets)."""

from .agenda import Agenda
from .agenda import IAgenda
from .counter import Counter
from .counter import ICounter
from .service import IRdvService
from .service import RdvService


__all__ = ["Agenda", "Counter", "IAgenda", "ICounter", "IRdvService", "RdvService"]
