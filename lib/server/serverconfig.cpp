#include "serverconfig.h"

#include "postgresstore.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>

#include <cmath>

using namespace Qt::StringLiterals;

namespace Glosa {

namespace {

constexpr double MaxSafe = 9007199254740991.0;

// A number of `key` within [min, max], when the object `where` names it.
bool readLimit(const QJsonObject &o, const QString &where, QLatin1StringView key, double min,
               double max, double *out, QString *error)
{
    if (!o.contains(key))
        return true;
    const QJsonValue v = o.value(key);
    if (!v.isDouble() || !std::isfinite(v.toDouble()) || v.toDouble() < min || v.toDouble() > max) {
        *error =
            u"%1.%2 must be a number from %3 to %4"_s.arg(where, key).arg(min).arg(max, 0, 'g', 16);
        return false;
    }
    *out = v.toDouble();
    return true;
}

bool readPageLimits(const QJsonObject &tenant, const QString &where, PageLimits *limits,
                    QString *error)
{
    if (!tenant.contains("pageLimits"_L1))
        return true;
    if (!tenant.value("pageLimits"_L1).isObject()) {
        *error = u"%1 must be an object"_s.arg(where);
        return false;
    }
    const QJsonObject o = tenant.value("pageLimits"_L1).toObject();
    double chats = limits->chats;
    double comments = limits->commentsPerChat;
    double bytes = double(limits->bytes);
    if (!readLimit(o, where, "chats"_L1, 1, 1e9, &chats, error) ||
        !readLimit(o, where, "commentsPerChat"_L1, 1, 1e9, &comments, error) ||
        !readLimit(o, where, "bytes"_L1, 1024, MaxSafe, &bytes, error))
        return false;
    *limits = {int(chats), int(comments), qint64(bytes)};
    return true;
}

} // namespace

bool ServerConfig::loadFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = u"%1: %2"_s.arg(path, file.errorString());
        return false;
    }
    if (!loadJson(file.readAll(), error)) {
        *error = u"%1: %2"_s.arg(path, *error);
        return false;
    }
    return true;
}

bool ServerConfig::loadJson(const QByteArray &json, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = u"not valid JSON at offset %1: %2"_s.arg(parseError.offset)
                     .arg(parseError.errorString());
        return false;
    }
    if (!doc.isObject()) {
        *error = u"the configuration must be a JSON object"_s;
        return false;
    }
    const QJsonObject root = doc.object();
    QList<TenantConfig> tenants = this->tenants;
    if (root.contains("tenants"_L1)) {
        if (!root.value("tenants"_L1).isArray()) {
            *error = u"tenants must be an array"_s;
            return false;
        }
        tenants.clear();
        const QJsonArray list = root.value("tenants"_L1).toArray();
        for (qsizetype i = 0; i < list.size(); ++i) {
            const QJsonObject t = list.at(i).toObject();
            TenantConfig tenant;
            tenant.id = t.value("id"_L1).toString();
            tenant.secret = t.value("secret"_L1).toString().toUtf8();
            tenant.anonymous = t.value("anonymous"_L1).toBool(false);
            if (!list.at(i).isObject() || tenant.id.isEmpty() ||
                tenant.id.size() > Limits::TenantMax) {
                *error = u"tenants[%1] needs an id of 1 to %2 characters"_s.arg(i).arg(
                    Limits::TenantMax);
                return false;
            }
            if (!readPageLimits(t, u"tenants[%1].pageLimits"_s.arg(i), &tenant.pageLimits, error))
                return false;
            if ((t.contains("secret"_L1) && !t.value("secret"_L1).isString()) ||
                (t.contains("anonymous"_L1) && !t.value("anonymous"_L1).isBool())) {
                *error = u"tenants[%1]: secret must be a string and anonymous a boolean"_s.arg(i);
                return false;
            }
            if (tenant.secret.isEmpty() && !tenant.anonymous) {
                *error = u"tenant \"%1\" has no secret and does not allow anonymous users: "
                         "nobody could connect"_s.arg(tenant.id);
                return false;
            }
            for (const TenantConfig &other : std::as_const(tenants)) {
                if (other.id == tenant.id) {
                    *error = u"tenant \"%1\" is listed twice"_s.arg(tenant.id);
                    return false;
                }
            }
            tenants.append(tenant);
        }
    }
    ServerLimits limits = this->limits;
    double pingInterval = pingIntervalMs;
    if (root.contains("limits"_L1)) {
        if (!root.value("limits"_L1).isObject()) {
            *error = u"limits must be an object"_s;
            return false;
        }
        const QJsonObject l = root.value("limits"_L1).toObject();
        double burst = limits.burst;
        double queue = double(limits.sendQueueBytes);
        double frame = double(limits.frameBytes);
        const QString where = u"limits"_s;
        if (!readLimit(l, where, "opsPerSecond"_L1, 0.001, 1e9, &limits.opsPerSecond, error) ||
            !readLimit(l, where, "burst"_L1, 1, 1e9, &burst, error) ||
            !readLimit(l, where, "sendQueueBytes"_L1, 1024, MaxSafe, &queue, error) ||
            !readLimit(l, where, "frameBytes"_L1, 1024, double(Limits::PublishFrameBytes), &frame,
                       error) ||
            !readLimit(l, where, "pingIntervalMs"_L1, 100, 86400000, &pingInterval, error))
            return false;
        limits.burst = int(burst);
        limits.sendQueueBytes = qint64(queue);
        limits.frameBytes = qint64(frame);
    }
    QString store = this->store;
    if (root.contains("store"_L1)) {
        store = root.value("store"_L1).toString();
        if (!PostgresStore::isUrl(store)) {
            *error = u"store must be a postgresql:// URL"_s;
            return false;
        }
    }
    this->tenants = tenants;
    this->limits = limits;
    this->store = store;
    pingIntervalMs = int(pingInterval);
    return true;
}

bool ServerConfig::parseHostPort(const QString &text, QHostAddress *address, quint16 *port,
                                 QString *error)
{
    const qsizetype colon = text.lastIndexOf(u':');
    QString host = text.left(colon);
    bool ok = colon > 0;
    const uint value = ok ? text.mid(colon + 1).toUInt(&ok) : 0;
    if (!ok || value > 65535) {
        *error = u"\"%1\" is not HOST:PORT"_s.arg(text);
        return false;
    }
    if (host.startsWith(u'[') && host.endsWith(u']'))
        host = host.mid(1, host.size() - 2);
    QHostAddress parsed;
    if (host == "localhost"_L1)
        parsed = QHostAddress(QHostAddress::LocalHost);
    else if (host == "*"_L1)
        parsed = QHostAddress(QHostAddress::Any);
    else if (!parsed.setAddress(host)) {
        *error = u"\"%1\" is not an IP address"_s.arg(host);
        return false;
    }
    *address = parsed;
    *port = quint16(value);
    return true;
}

QString ServerConfig::defaultDataDir()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
}

} // namespace Glosa
