#include "mentions.h"

#include "protocollimits.h"

#include <QSet>

#include <algorithm>
#include <numeric>

namespace Glosa {

namespace {

bool isWordCharacter(QChar c)
{
    return c.isLetterOrNumber() || c == u'_';
}

} // namespace

QList<Author> Mentions::in(const QString &text, const QList<Author> &people)
{
    // Longest names first, so that "@Ana María" is not taken for "@Ana".
    QList<qsizetype> order(people.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](qsizetype a, qsizetype b) {
        return people.at(a).name.size() > people.at(b).name.size();
    });
    QList<bool> taken(text.size(), false);
    QSet<qsizetype> found;
    QSet<QString> ids;
    for (const qsizetype i : std::as_const(order)) {
        const Author &person = people.at(i);
        if (person.name.isEmpty() || ids.contains(person.id))
            continue;
        const QString mark = u'@' + person.name;
        for (qsizetype at = text.indexOf(mark); at >= 0; at = text.indexOf(mark, at + 1)) {
            const qsizetype end = at + mark.size();
            if (taken.at(at) || (at > 0 && isWordCharacter(text.at(at - 1))) ||
                (end < text.size() && isWordCharacter(text.at(end))))
                continue;
            std::fill(taken.begin() + at, taken.begin() + end, true);
            found.insert(i);
            ids.insert(person.id);
            break;
        }
    }
    QList<Author> mentioned;
    for (qsizetype i = 0; i < people.size() && mentioned.size() < Limits::MentionsMax; ++i) {
        if (found.contains(i))
            mentioned.append(people.at(i));
    }
    return mentioned;
}

bool Mentions::mentions(const QList<Author> &mentions, const QString &userId)
{
    return !userId.isEmpty() &&
           std::any_of(mentions.cbegin(), mentions.cend(),
                       [&](const Author &mention) { return mention.id == userId; });
}

} // namespace Glosa
