"""The command line: parses options, calls the library, turns its errors into one-line messages."""
