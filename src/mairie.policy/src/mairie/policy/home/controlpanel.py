"""« Page d'accueil » in Site Setup: order, hide and reset the blocks; edit the tiles.

A plain form rather than a z3c.form: moving a block up or down is a submit
button, so it works without JavaScript, and the whole form is checked before
anything is written. An order or tiles equal to the template's or the site's
defaults are stored as "not chosen", so that a later template switch still
brings its own order.
"""

from .composition import BLOCK_TITLES
from .composition import check_blocks
from .composition import moved
from .composition import ordered_blocks
from .composition import template_order
from .settings import home_settings
from .tiles import check_tiles
from .tiles import default_tiles
from .tiles import icon_choices
from .tiles import stored_or_default_tiles
from mairie.policy import _
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from Products.statusmessages.interfaces import IStatusMessage


EMPTY_TILE_ROWS = 3
MOVES = {"up": -1, "down": 1}


class HomeControlPanel(BrowserView):
    errors = ()
    submitted = None

    def __call__(self):
        form = self.request.form
        if self.request.method == "POST":
            CheckAuthenticator(self.request)
            if "reset" in form:
                home_settings().blocks = ()
                return self._done(_("home_order_reset", default="The template's order is back."))
            if "save" in form or "move" in form:
                saved = self._save(form)
                if saved:
                    return self._done(_("home_saved", default="Changes saved."))
        return self.index()

    def _save(self, form) -> bool:
        order = tuple(form.get("blocks", ()))
        shown = form.get("shown", ())
        hidden = tuple(block for block in order if block not in shown)
        tiles = _tiles_from(form)
        move = form.get("move", "")
        block, _sep, direction = move.rpartition(":")
        errors = check_blocks(order) + check_tiles(tiles)
        if move and (block not in order or direction not in MOVES):
            errors.append(_("home_error_move", default="This move is not possible."))
        if errors:
            self.errors = errors
            self.submitted = {"order": order, "hidden": hidden, "tiles": tiles}
            return False
        if move:
            order = moved(order, block, MOVES[direction])
        settings = home_settings()
        settings.blocks = () if order == template_order() else order
        settings.hidden = hidden
        settings.tiles = [] if tiles == default_tiles(self.context, self.request) else tiles
        return True

    def _done(self, message):
        IStatusMessage(self.request).add(message, type="info")
        self.request.response.redirect(f"{self.context.absolute_url()}/@@{self.__name__}")
        return ""

    def rows(self) -> list[dict]:
        """The blocks as the form shows them: the submitted values after an error."""
        if self.submitted:
            order, hidden = self.submitted["order"], self.submitted["hidden"]
        else:
            order, hidden = ordered_blocks(), home_settings().hidden
        return [
            {
                "id": block,
                "title": BLOCK_TITLES.get(block, block),
                "shown": block not in hidden,
                "first": position == 0,
                "last": position == len(order) - 1,
            }
            for position, block in enumerate(order)
        ]

    def tiles(self) -> list[dict]:
        tiles = (
            self.submitted["tiles"]
            if self.submitted
            else stored_or_default_tiles(self.context, self.request)
        )
        empty = {"title": "", "url": "", "icon": ""}
        return [{**empty, **tile} for tile in tiles] + [empty] * EMPTY_TILE_ROWS

    def icon_choices(self, current: str) -> list[dict]:
        return icon_choices(current, self.request)

    def follows_template(self) -> bool:
        return not home_settings().blocks


def _tiles_from(form) -> list[dict]:
    """The tile rows of the form, without the rows left empty."""
    columns = [form.get(f"tile_{name}", []) for name in ("title", "url", "icon")]
    rows = []
    for title, url, icon in zip(*columns, strict=False):
        tile = {"title": title.strip(), "url": url.strip(), "icon": icon.strip()}
        if any(tile.values()):
            rows.append(tile)
    return rows
