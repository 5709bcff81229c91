#include "orphanlist.h"

#include "anchorindex.h"
#include "pagesession.h"

#include <QLabel>
#include <QListWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Glosa {

OrphanList::OrphanList(QWidget *parent)
    : QWidget(parent)
    , m_heading(new QLabel(this))
    , m_list(new QListWidget(this))
{
    setObjectName(u"orphans"_s);
    m_heading->setWordWrap(true);
    m_list->setAccessibleName(tr("Threads whose text was not found"));
    m_list->setWordWrap(true);
    m_list->setTextElideMode(Qt::ElideRight);
    m_list->setMaximumHeight(160);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 4, 8, 8);
    layout->addWidget(m_heading);
    layout->addWidget(m_list);
    // Clicked, or chosen with the keyboard.
    const auto select = [this](QListWidgetItem *item) {
        Q_EMIT chatSelected(item->data(Qt::UserRole).toString());
    };
    connect(m_list, &QListWidget::itemClicked, this, select);
    connect(m_list, &QListWidget::itemActivated, this, select);
    // The index changes with every event of the page: the list is rebuilt once per turn of
    // the event loop, however many arrive together.
    m_refresh.setSingleShot(true);
    m_refresh.setInterval(0);
    connect(&m_refresh, &QTimer::timeout, this, &OrphanList::refresh);
    hide();
}

void OrphanList::setIndex(PageSession *session, AnchorIndex *index)
{
    m_session = session;
    m_index = index;
    connect(index, &AnchorIndex::changed, &m_refresh, qOverload<>(&QTimer::start));
    refresh();
}

void OrphanList::refresh()
{
    m_list->clear();
    const QStringList orphans = m_index && m_session ? m_index->orphans() : QStringList();
    for (const QString &id : orphans) {
        const Chat *chat = m_session->chat(id);
        const QString first = chat->comments.isEmpty() ? QString() : chat->comments.first().text;
        const QString passage = chat->anchor.isWholeSheet()
                                    ? tr("All of page %1").arg(chat->anchor.sheet + 1)
                                    : tr("“%1”").arg(chat->anchor.exact.simplified());
        auto *item = new QListWidgetItem(
            tr("%1\n%2: %3").arg(passage, chat->author.name, first.simplified()), m_list);
        item->setData(Qt::UserRole, id);
        item->setToolTip(chat->anchor.exact);
    }
    m_heading->setText(
        tr("<b>Not found in this version</b> · %n thread(s)", nullptr, int(orphans.size())));
    setVisible(!orphans.isEmpty());
}

} // namespace Glosa
