"""Draw the demo commune's images and write its PDF documents.

The files are committed (a few kilobytes each); run this again only to change
them: python scripts/demo_assets.py
"""

from pathlib import Path
from PIL import Image
from PIL import ImageDraw


DEMO = Path(__file__).resolve().parent.parent / "examples" / "saint-aubin-sur-loire"
BLUE, GREEN, GOLD, SKY = (31, 78, 121), (62, 112, 64), (214, 170, 60), (170, 205, 230)


def landscape(path: Path, hills: tuple, sun: bool) -> None:
    """A river landscape in 1920x980, the size the templates expect."""
    image = Image.new("RGB", (1920, 980), SKY)
    draw = ImageDraw.Draw(image)
    for y in range(0, 600):
        shade = int(40 * y / 600)
        draw.line([(0, y), (1920, y)], fill=(SKY[0] + shade // 2, SKY[1] + shade // 3, 235))
    if sun:
        draw.ellipse([1450, 120, 1610, 280], fill=(250, 220, 120))
    for offset, colour in zip(hills, ((96, 140, 80), GREEN, (48, 90, 52)), strict=False):
        draw.polygon(
            [
                (0, 980),
                (0, 620 - offset),
                (480, 520 - offset),
                (960, 600 - offset),
                (1440, 500 - offset),
                (1920, 590 - offset),
                (1920, 980),
            ],
            fill=colour,
        )
    draw.polygon([(0, 860), (700, 800), (1920, 840), (1920, 980), (0, 980)], fill=BLUE)
    image.save(path, "JPEG", quality=70, optimize=True)


def logo(path: Path) -> None:
    image = Image.new("RGBA", (480, 160), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle([8, 8, 152, 152], 24, fill=BLUE)
    draw.polygon([(30, 120), (80, 40), (130, 120)], fill=GOLD)
    draw.rectangle([30, 120, 130, 132], fill=(255, 255, 255))
    draw.text((176, 52), "Saint-Aubin", fill=BLUE, font_size=44)
    draw.text((176, 100), "sur-Loire", fill=GREEN, font_size=36)
    image.save(path, "PNG", optimize=True)


def favicon(path: Path) -> None:
    image = Image.new("RGBA", (64, 64), BLUE)
    ImageDraw.Draw(image).polygon([(10, 50), (32, 12), (54, 50)], fill=GOLD)
    image.save(path, "PNG", optimize=True)


def cover(path: Path, number: int, season: str, year: int) -> None:
    """A bulletin's front page in A4 proportions."""
    image = Image.new("RGB", (420, 594), (250, 248, 240))
    draw = ImageDraw.Draw(image)
    draw.rectangle([0, 0, 420, 150], fill=BLUE)
    draw.text((28, 30), "Le Trait d'union", fill=(255, 255, 255), font_size=40)
    draw.text((28, 92), f"n° {number} - {season} {year}", fill=GOLD, font_size=28)
    draw.polygon([(0, 594), (0, 420), (210, 340), (420, 430), (420, 594)], fill=GREEN)
    draw.rectangle([28, 190, 392, 320], outline=BLUE, width=4)
    draw.text((48, 230), "Saint-Aubin-sur-Loire", fill=BLUE, font_size=30)
    image.save(path, "JPEG", quality=70, optimize=True)


def pdf(path: Path, title: str, lines: list[str]) -> None:
    """A one-page PDF 1.4 with Helvetica text, written by hand."""
    text = ["BT", "/F1 18 Tf", "60 780 Td", f"({_pdf_text(title)}) Tj", "/F1 11 Tf"]
    for line in lines:
        text += ["0 -22 Td", f"({_pdf_text(line)}) Tj"]
    stream = "\n".join(text + ["ET"]).encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    path.write_bytes(bytes(out))


def _pdf_text(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


# The demo acts (examples/saint-aubin-sur-loire/demo.yaml), by number.
ACTS = {
    "2026-038": "Budget supplémentaire 2026 du budget principal",
    "2026-039": "Tarifs de la restauration scolaire au 1er janvier 2027",
    "2026-040": "Convention avec l'association Les Coteaux en fête",
    "2026-041": "Acquisition de la parcelle AB 112 rue des Écoles",
    "2026-042": "Renouvellement du réseau d'eau potable rue des Écoles : attribution du marché",
    "2026-A-117": "Arrêté de circulation alternée rue des Écoles",
}


def main() -> None:
    images, documents = DEMO / "images", DEMO / "documents"
    landscape(images / "bords-de-loire.jpg", (0, 40, 80), sun=True)
    landscape(images / "coteaux.jpg", (60, 20, 0), sun=False)
    logo(images / "logo.png")
    favicon(images / "favicon.png")
    for number, (season, year) in enumerate(
        (
            ("printemps", 2025),
            ("été", 2025),
            ("automne", 2025),
            ("hiver", 2026),
            ("printemps", 2026),
        ),
        start=38,
    ):
        cover(images / f"bulletin-{number}.jpg", number, season, year)
        pdf(
            documents / f"bulletin-{number}.pdf",
            f"Le Trait d'union n° {number} - {season} {year}",
            [
                "Bulletin municipal de Saint-Aubin-sur-Loire",
                "Le mot du maire",
                "Travaux et urbanisme",
                "Vie associative",
                "Agenda",
            ],
        )
    for number, title in ACTS.items():
        pdf(
            documents / f"acte-{number}.pdf",
            f"Acte n° {number}",
            [
                title,
                "Commune de Saint-Aubin-sur-Loire (Maine-et-Loire)",
                "Le conseil municipal, après en avoir délibéré, décide :",
                "Article 1er - ...",
            ],
        )
    for day in ("2026-06-18", "2026-07-09", "2026-09-24", "2026-10-15", "2026-11-19"):
        pdf(
            documents / f"compte-rendu-{day}.pdf",
            f"Conseil municipal du {day}",
            [
                "Compte rendu de la séance",
                "Présents, excusés, absents",
                "Délibérations adoptées",
                "Questions diverses",
            ],
        )


if __name__ == "__main__":
    main()
