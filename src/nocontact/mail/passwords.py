"""Mail account passwords, encrypted at rest with a key kept outside the database.

The watcher must log in unattended, so the password cannot be sealed to the friend's key or
wrapped by a passphrase someone types. Instead a random 256-bit key lives in a file in the
data folder (mode 0600, created once) and the database holds only ChaCha20-Poly1305
ciphertext bound to the account's case and label. A copy of the database alone does not give
the password; a copy of the whole data folder does (say so in the docs, never claim more).
"""

from __future__ import annotations

import os
import secrets
import stat
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

from nocontact.mail.errors import MailError

KEY_FILE = "mail-passwords.key"
MAGIC = b"NCMAILPW1"
NONCE_BYTES = 12


class PasswordBox:
    def __init__(self, home: Path) -> None:
        self.path = Path(home) / KEY_FILE

    def _key(self) -> bytes:
        if not self.path.exists():
            self.path.parent.mkdir(parents=True, exist_ok=True)
            try:
                fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            except FileExistsError:
                pass  # another process made it meanwhile
            else:
                with os.fdopen(fd, "wb") as handle:
                    handle.write(secrets.token_bytes(32))
        mode = stat.S_IMODE(self.path.stat().st_mode)
        if mode & 0o077:
            raise MailError("the mail password key file is readable by others (chmod 600 it)")
        key = self.path.read_bytes()
        if len(key) != 32:
            raise MailError("the mail password key file is damaged")
        return key

    def seal(self, password: str, context: str) -> bytes:
        nonce = secrets.token_bytes(NONCE_BYTES)
        box = ChaCha20Poly1305(self._key())
        return MAGIC + nonce + box.encrypt(nonce, password.encode(), MAGIC + context.encode())

    def open(self, blob: bytes, context: str) -> str:
        blob = bytes(blob)
        if not blob.startswith(MAGIC):
            raise MailError("a stored mail password is not in a known format")
        nonce = blob[len(MAGIC) : len(MAGIC) + NONCE_BYTES]
        try:
            plain = ChaCha20Poly1305(self._key()).decrypt(
                nonce, blob[len(MAGIC) + NONCE_BYTES :], MAGIC + context.encode()
            )
        except InvalidTag as exc:
            raise MailError("a stored mail password cannot be opened with this key file") from exc
        return plain.decode()
