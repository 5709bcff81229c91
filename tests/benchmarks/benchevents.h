#pragma once

#include "messages.h"
#include "validation.h"

#include <QRandomGenerator>

// A page's history for benchmarks: `chats` new chats on passages of `text`, then replies, edits
// and resolves up to `total` events, in seq order.
inline QList<Glosa::ServerMessage> benchmarkEvents(int chats, int total, const QString &text)
{
    using namespace Glosa;
    QRandomGenerator random(42);
    QList<ServerMessage> events;
    QList<QPair<QString, QString>> started; // chat id, first comment id
    const Author author{QStringLiteral("u1"), QStringLiteral("Ana")};
    qint64 seq = 0;
    for (int i = 0; i < chats; ++i) {
        const int start = int(random.bounded(qMax(1, int(text.size()) - 40)));
        Chat chat{Validation::newUuid(),
                  {start, start + 20, text.mid(start, 20), {}, {}},
                  author,
                  1,
                  1,
                  false,
                  {}};
        chat.comments.append({Validation::newUuid(), author, QStringLiteral("A first remark"), 1,
                              std::nullopt, false});
        started.append({chat.id, chat.comments.first().id});
        events.append(NewChatEvent{++seq, Validation::newUuid(), chat});
    }
    while (events.size() < total) {
        const auto &[chatId, commentId] = started.at(random.bounded(int(started.size())));
        Change change;
        switch (random.bounded(3)) {
        case 0:
            change.op = Change::Op::AddComment;
            change.comment = {Validation::newUuid(), author, QStringLiteral("Another reply"), 2,
                              std::nullopt,          false};
            break;
        case 1:
            change.op = Change::Op::EditComment;
            change.commentId = commentId;
            change.text = QStringLiteral("Edited");
            change.comment = {commentId, author, change.text, 1, 3, false};
            break;
        default:
            change.op = Change::Op::Resolve;
            change.resolved = random.bounded(2);
            break;
        }
        events.append(UpdatedChatEvent{++seq, Validation::newUuid(), chatId, 4, change});
    }
    return events;
}
