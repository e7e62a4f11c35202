"""Team keys, in standard formats: minisign signatures and age sealing. No vault, no UI.

- minisign: Ed25519 keys, signing and checking in the minisign file format;
- sealing: age X25519 identities, seal and open (pyrage);
- card: the team's public string (both public keys) and its spoken fingerprint.

What the keys protect, and what they do not, is in docs/team-keys.md. The vault
keeps the secrets (peerdesk.vault.team); the directory's signature is
peerdesk.interchange.signing and the sealed month peerdesk.reports.sealed.
"""
