"""The exception tree. The library raises these; the CLI and the page translate them.

Every message names the bad value and says what to do, in Chinese, because users read it.
"""

from __future__ import annotations


class AssistantError(Exception):
    """Base of every error the assistant raises on purpose."""


class ConfigError(AssistantError):
    """A setting (environment variable or CLI option) is invalid."""


class ManifestError(AssistantError):
    """The knowledge manifest is missing, malformed, or points at a missing file."""


class GuideParseError(AssistantError):
    """A guide text could not be turned into a clause tree."""


class IndexMissingError(AssistantError):
    """The index has not been built yet (or was built for other settings)."""


class IndexBuildError(AssistantError):
    """Building the index failed; the previous index is left as it was."""


class VectorStoreError(AssistantError):
    """Chroma (embedded or server) failed."""


class EmbeddingError(AssistantError):
    """The embedding model could not be loaded or failed to embed."""


class UnknownReferenceError(AssistantError):
    """A clause reference or clause id does not resolve to a clause."""


class InputError(AssistantError):
    """A question or input file is empty, malformed, or unusable."""


class RulesError(AssistantError):
    """The eligibility rules data is malformed or cites a clause that does not exist."""


class FactsError(InputError):
    """Facts given to the eligibility checker are unknown, of the wrong type, or out of range."""
