#pragma once

#include <QtGlobal>

namespace Glosa::Limits {

// The limits of docs/protocol.md (defaults); lengths count UTF-16 code units.
constexpr int ProtocolVersion = 1;
constexpr qint64 FrameBytes = 64 * 1024;
constexpr qint64 PublishFrameBytes = 1024 * 1024;
constexpr int CommentTextMax = 10000;
constexpr int ExactMax = 5000;
constexpr int ContextMax = 32;
constexpr int NameMax = 100;
// The users one comment may mention, and the length of a mentioned user's id.
constexpr int MentionsMax = 20;
constexpr int UserIdMax = 512;
constexpr int PageMax = 512;
constexpr int TitleMax = 500;
// A PDF: its bytes, moved in pieces of at most ContentPieceBytes, and its sheets.
constexpr qint64 ContentBytes = 64 * 1024 * 1024;
constexpr qint64 ContentPieceBytes = 512 * 1024;
constexpr int SheetMax = 99999;
constexpr int TenantMax = 100;
constexpr int RequestIdMax = 100;
constexpr double OpsPerSecond = 20;
constexpr int Burst = 60;
constexpr qint64 SendQueueBytes = 8 * 1024 * 1024;
constexpr int HelloTimeoutMs = 10000;
constexpr int PresenceUsersMax = 50;
constexpr int CredentialMax = 512;
// What one page may hold, unless its tenant sets other limits: far more than any real
// document's discussion, little enough that one user cannot fill the disk.
constexpr int PageChats = 10000;
constexpr int ChatComments = 1000;
constexpr qint64 PageBytes = 64 * 1024 * 1024;

} // namespace Glosa::Limits
