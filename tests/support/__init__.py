"""Helpers shared by tests (not fixtures): page decryption, file scans."""
