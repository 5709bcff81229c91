#include "storetestdata.h"

#include "codec.h"

using namespace Qt::StringLiterals;

namespace StoreTestData {

Glosa::Chat chat(const QString &id, const QString &commentId)
{
    const Glosa::Author author{u"u1"_s, u"Ana"_s};
    return {id,
            {0, 4, u"Glosa"_s, {}, {}},
            author,
            1,
            1,
            false,
            {Glosa::Comment{commentId, author, u"hi"_s, 1, std::nullopt, false}}};
}

Glosa::Store::Write write(qint64 pageId, qint64 seq, const Glosa::Chat &chat, bool deleted)
{
    Glosa::Chat header = chat;
    header.comments.clear();
    Glosa::Store::Write w{pageId,
                          seq,
                          u"00000000-0000-4000-8000-%1"_s.arg(seq, 12, 10, QChar(u'0')),
                          "event-" + QByteArray::number(seq),
                          chat.id,
                          Glosa::Codec::encode(header),
                          deleted,
                          {},
                          0,
                          {}};
    if (!chat.comments.isEmpty()) {
        w.commentId = chat.comments.first().id;
        w.commentJson = Glosa::Codec::encode(chat.comments.first());
    }
    return w;
}

} // namespace StoreTestData
