"""Where the tests find the project's files: the demo commune, its content, the agency."""

from pathlib import Path


ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
DEMO_PROFILE = EXAMPLES / "saint-aubin-sur-loire" / "commune.yaml"
DEMO_CONTENT = EXAMPLES / "saint-aubin-sur-loire" / "demo.yaml"
AGENCY_FILE = EXAMPLES / "agency.yaml"
