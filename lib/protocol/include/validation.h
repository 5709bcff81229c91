#pragma once

#include "anchor.h"
#include "author.h"

#include "protocolerror.h"
#include <QList>

namespace Glosa::Validation {

// A lowercase canonical UUID (8-4-4-4-12 hex digits), as ids and broadcastIds must be.
bool isUuid(QStringView s);
QString newUuid();

ProtocolError checkCommentText(const QString &text);
ProtocolError checkAnchor(const Anchor &anchor);
ProtocolError checkName(const QString &name);
// The users a comment's `text` mentions: at most Limits::MentionsMax, each once, with an id and a
// name, each named in the text as @name.
ProtocolError checkMentions(const QList<Author> &mentions, const QString &text);
ProtocolError checkPage(const QString &page);
ProtocolError checkDocumentFormat(const QString &format);
// A SHA-256 in lowercase hexadecimal.
bool isSha256(QStringView s);
// The pieces a content of `size` bytes travels in.
int contentPieces(qint64 size);
// Whether bytes may be a PDF, as PDF readers tell: its header within the first KiB (of `head`,
// its first bytes), its end-of-file marker within the last (of `tail`, its last bytes).
ProtocolError checkPdfHead(const QByteArray &head);
ProtocolError checkPdfTail(const QByteArray &tail);

} // namespace Glosa::Validation
