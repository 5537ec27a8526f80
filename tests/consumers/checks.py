"""Counting checks for the consumer scripts: each check passes or records why it failed; the
summary line is the one the test command reads ("N passed, M failed")."""
import sys


class Checks:
    def __init__(self):
        self.passed = 0
        self.failures = []

    def __call__(self, condition, message):
        if condition:
            self.passed += 1
        else:
            self.failures.append(message)

    def finish(self, what):
        for f in self.failures:
            print("FAILED:", f)
        print(f"{what}: {self.passed} passed, {len(self.failures)} failed")
        sys.exit(1 if self.failures else 0)
