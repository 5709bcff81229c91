#pragma once

#include <QByteArray>
#include <QLatin1StringView>
#include <QStringView>

namespace Glosa {

// Writes compact JSON straight into one QByteArray: the server encodes every event this way, so
// an operation costs one buffer instead of a tree of QJsonValues. Separators are placed by the
// writer; callers write an object's keys in sorted order, so the output is byte for byte what
// QJsonDocument::toJson(Compact) gives for the same object (strings escaped as Qt does).
class JsonWriter
{
public:
    explicit JsonWriter(qsizetype reserve = 256) { m_out.reserve(reserve); }

    JsonWriter &beginObject() { return open('{'); }
    JsonWriter &endObject() { return close('}'); }
    JsonWriter &beginArray() { return open('['); }
    JsonWriter &endArray() { return close(']'); }

    JsonWriter &key(QLatin1StringView name);
    JsonWriter &value(QStringView text);
    JsonWriter &value(QLatin1StringView text);
    JsonWriter &value(qint64 number);
    JsonWriter &value(int number) { return value(qint64(number)); }
    JsonWriter &value(bool flag);
    JsonWriter &null();
    // Already encoded JSON, written as one value.
    JsonWriter &raw(const QByteArray &json);

    template<typename T>
    JsonWriter &field(QLatin1StringView name, const T &v)
    {
        return key(name).value(v);
    }

    QByteArray take() { return std::move(m_out); }

private:
    JsonWriter &open(char bracket);
    JsonWriter &close(char bracket);
    void separate();

    QByteArray m_out;
    bool m_needComma = false;
};

} // namespace Glosa
