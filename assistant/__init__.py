"""An assistant for Jiangsu IP bureau project-application guides (申报指南).

The public surface: `Settings` (configuration), `KnowledgeBase` (the parsed guides),
`Assistant` (questions in, replies out). The CLI in `assistant.cli` translates
library errors into one-line messages.
"""

__version__ = "0.1.0"
