"""Moving one stored message to quarantine: MOVE, or COPY + \\Deleted + UID EXPUNGE of that UID.

Never a blanket EXPUNGE: that would also remove whatever else the survivor's own mail client
had flagged \\Deleted. Without UIDPLUS (no UID EXPUNGE) the source copy is only flagged.
"""

from __future__ import annotations

import logging

from imapclient import IMAPClient
from imapclient.exceptions import IMAPClientError

from nocontact.mail.errors import MailFolderError
from nocontact.mail.imap import ensure_folder, is_trycreate
from nocontact.mail.sink import LedgerState, MailKey, MessageSink

log = logging.getLogger("nocontact.mail")


class Mover:
    def __init__(self, client: IMAPClient, quarantine: str, use_move: bool, uidplus: bool) -> None:
        self.client = client
        self.quarantine = quarantine
        self.use_move = use_move
        self.uidplus = uidplus
        self.source = ""  # the folder the watcher has selected; set before each move

    def move(
        self, key: MailKey, message_id: str, sink: MessageSink, already_copying: bool = False
    ) -> MailKey | None:
        """Move `key` (in the selected folder) to quarantine; its new key when the server says."""
        try:
            return self._move_once(key, message_id, sink, already_copying)
        except IMAPClientError as exc:
            if not is_trycreate(exc):
                raise
        # The quarantine folder went away under us (deleted in another client): recreate it.
        log.warning("mail: quarantine folder missing; recreating it")
        ensure_folder(self.client, self.quarantine)
        try:
            return self._move_once(key, message_id, sink, already_copying)
        except IMAPClientError as exc:
            raise MailFolderError("could not move a message to the quarantine folder") from exc

    def _move_once(
        self, key: MailKey, message_id: str, sink: MessageSink, already_copying: bool
    ) -> MailKey | None:
        responses = self.client._imap.untagged_responses  # COPYUID arrives untagged on MOVE
        responses.pop("COPYUID", None)
        if already_copying and self._in_quarantine(message_id):
            # A crash came between COPY and EXPUNGE: the copy is there, drop only the source.
            self._expunge_source(key)
            return None
        if self.use_move:
            self.client.move([key.uid], self.quarantine)
        else:
            sink.mark(key, LedgerState.COPYING)
            self.client.copy([key.uid], self.quarantine)
            self._expunge_source(key)
        return self._dest_key(key, responses.pop("COPYUID", None))

    def _expunge_source(self, key: MailKey) -> None:
        self.client.add_flags([key.uid], [b"\\Deleted"], silent=True)
        if self.uidplus:
            self.client.uid_expunge([key.uid])
        else:
            log.warning("mail: server lacks UIDPLUS; source copy flagged, not expunged")

    def _in_quarantine(self, message_id: str) -> bool:
        """After a crash between COPY and EXPUNGE: is the copy already there?"""
        if not message_id:
            return False
        status = self.client.folder_status(self.quarantine, [b"MESSAGES"])
        if not int(status[b"MESSAGES"]):
            return False
        # SEARCH only works on the selected folder: look in quarantine, then come back.
        self.client.select_folder(self.quarantine, readonly=True)
        try:
            found = self.client.search(["HEADER", "Message-ID", message_id])
        finally:
            if self.source:
                self.client.select_folder(self.source)
        return bool(found)

    def _dest_key(self, key: MailKey, copyuid: list[bytes] | None) -> MailKey | None:
        if not copyuid:
            return None
        try:
            parts = copyuid[-1].decode().split()
            uidvalidity, dest_uids = int(parts[0]), parts[2]
            if not dest_uids.isdigit():
                return None
            return MailKey(key.account, self.quarantine, uidvalidity, int(dest_uids))
        except (IndexError, ValueError):
            return None
