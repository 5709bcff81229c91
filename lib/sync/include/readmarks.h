#pragma once

#include <QSet>
#include <QString>
#include <QTimer>
#include <QUrl>

#include <functional>
#include <optional>

namespace Glosa {

// What the user has seen of one page: the ids of the comments they have looked at (a chat's
// first comment stands for the chat). Kept in the app-data folder, which is the OS user's, so
// the marks are the person's on this computer, whichever Glosa window or process shows the page.
// A change is saved within SaveDelayMs, whole (a crash leaves the previous file), and what is
// waiting is saved by save() and on destruction. The file is JSON: {"seen": [ids…]}. An empty
// path keeps the marks in memory only.
class ReadMarks
{
public:
    explicit ReadMarks(QString path = {});
    ~ReadMarks();
    ReadMarks(const ReadMarks &) = delete;
    ReadMarks &operator=(const ReadMarks &) = delete;

    // Where the marks of one page of one server and tenant are kept; `server` is the server's
    // URL, or the first URL of a cluster's nodes.
    static QString pathFor(const QUrl &server, const QString &tenant, const QString &page);

    // Whether the page had a record when the marks were loaded: it was opened here before.
    bool existed() const { return m_existed; }
    bool isSeen(const QString &id) const { return m_seen.contains(id); }
    qsizetype size() const { return m_seen.size(); }
    // Records that `id` was seen; true when it was not recorded yet.
    bool markSeen(const QString &id);
    // Makes sure the page has a record, even with nothing seen in it.
    void keep();

    // What is still on the page, asked for when saving: the ids not in it are let go of.
    // Without one, or where it gives std::nullopt (the page is not known well enough), every id
    // is kept.
    using PageIds = std::function<std::optional<QSet<QString>>()>;
    void setPageIds(PageIds pageIds) { m_pageIds = std::move(pageIds); }

    // Saves now what is waiting to be saved.
    void save();
    bool isWaiting() const { return m_timer.isActive(); }

    static constexpr int SaveDelayMs = 1000;

private:
    void load();
    void write();

    QString m_path;
    QSet<QString> m_seen;
    bool m_existed = false;
    PageIds m_pageIds;
    QTimer m_timer;
};

} // namespace Glosa
