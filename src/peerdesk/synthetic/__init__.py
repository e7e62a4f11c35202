"""Clearly fictional data for the demo vault and the benchmarks, never for a real vault.

One module per kind of record, as in `vault/` and `models/`: `contacts`, `clinicians`,
`referrals`; `demo` builds the throwaway vault that `peerdesk demo` opens. Everything
here writes through the vault's repositories, so the demo exercises the real paths.
"""
