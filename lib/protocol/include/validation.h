#pragma once

#include "anchor.h"
#include "protocolerror.h"

namespace Glosa::Validation {

// A lowercase canonical UUID (8-4-4-4-12 hex digits), as ids and broadcastIds must be.
bool isUuid(QStringView s);
QString newUuid();

ProtocolError checkCommentText(const QString &text);
ProtocolError checkAnchor(const Anchor &anchor);
ProtocolError checkName(const QString &name);
ProtocolError checkPage(const QString &page);
ProtocolError checkDocumentFormat(const QString &format);

} // namespace Glosa::Validation
