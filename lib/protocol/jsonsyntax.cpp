#include "jsonsyntax.h"

#include <cstring>

namespace Glosa {

namespace {

constexpr quint64 Ones = 0x0101010101010101ULL;
constexpr quint64 Highs = 0x8080808080808080ULL;

// Whether any byte of `word` is below `n` (n <= 0x80), or is zero.
constexpr quint64 anyBelow(quint64 word, quint64 n)
{
    return (word - Ones * n) & ~word & Highs;
}

constexpr quint64 anyZero(quint64 word)
{
    return anyBelow(word, 1);
}

bool isDigit(uchar c)
{
    return c >= '0' && c <= '9';
}

int hexValue(uchar c)
{
    if (isDigit(c))
        return c - '0';
    if ((c | 0x20) >= 'a' && (c | 0x20) <= 'f')
        return (c | 0x20) - 'a' + 10;
    return -1;
}

class Scanner
{
public:
    Scanner(QByteArrayView text)
        : m_begin(reinterpret_cast<const uchar *>(text.data()))
        , m_p(m_begin)
        , m_end(m_begin + text.size())
    {}

    JsonSyntax::Result run();

private:
    bool fail(const char *fault)
    {
        m_fault = fault;
        return false;
    }
    bool atEnd() const { return m_p == m_end; }
    void skipSpace()
    {
        while (m_p != m_end && (*m_p == ' ' || *m_p == '\n' || *m_p == '\r' || *m_p == '\t'))
            ++m_p;
    }
    bool scalar();
    bool string();
    bool escape();
    bool hex4(int *value);
    bool number();
    bool digits(const char *fault);
    bool literal(const char *word, qsizetype size);
    bool key();

    const uchar *const m_begin;
    const uchar *m_p;
    const uchar *const m_end;
    const char *m_fault = nullptr;
};

JsonSyntax::Result Scanner::run()
{
    quint64 objects = 0; // bit d: the container at depth d + 1 is an object
    int depth = 0;
    const auto inObject = [&] { return (objects >> (depth - 1)) & 1; };
    bool ok = true;
    skipSpace();
    if (atEnd())
        ok = fail("no JSON value");
    while (ok) {
        // A value is expected here.
        if (atEnd()) {
            ok = fail("a value is missing");
            break;
        }
        const uchar c = *m_p;
        if (c == '{' || c == '[') {
            if (depth == JsonSyntax::MaxDepth) {
                ok = fail("containers nested too deep");
                break;
            }
            const bool object = c == '{';
            objects = object ? objects | (quint64(1) << depth) : objects & ~(quint64(1) << depth);
            ++depth;
            ++m_p;
            skipSpace();
            if (!atEnd() && *m_p == (object ? '}' : ']')) {
                ++m_p;
                --depth;
            } else {
                if (object && !(ok = key()))
                    break;
                continue;
            }
        } else if (!(ok = scalar())) {
            break;
        }
        // After a value: the end of its containers, or a comma and the next value.
        for (;;) {
            skipSpace();
            if (depth == 0 || atEnd())
                break;
            const uchar next = *m_p;
            if (next == (inObject() ? '}' : ']')) {
                ++m_p;
                --depth;
                continue;
            }
            if (next != ',') {
                ok = fail(inObject() ? "expected , or }" : "expected , or ]");
                break;
            }
            ++m_p;
            skipSpace();
            if (inObject())
                ok = key();
            break;
        }
        if (!ok || depth == 0)
            break;
        if (atEnd())
            ok = fail(inObject() ? "an object is not closed" : "an array is not closed");
    }
    if (ok && !atEnd())
        fail("more after the JSON value");
    if (!m_fault)
        return {};
    return {m_fault, qsizetype(m_p - m_begin)};
}

// A member's name and its colon, then the space before its value.
bool Scanner::key()
{
    if (atEnd() || *m_p != '"')
        return fail("expected a member name");
    if (!string())
        return false;
    skipSpace();
    if (atEnd() || *m_p != ':')
        return fail("expected :");
    ++m_p;
    skipSpace();
    return true;
}

bool Scanner::scalar()
{
    switch (*m_p) {
    case '"':
        return string();
    case 't':
        return literal("true", 4);
    case 'f':
        return literal("false", 5);
    case 'n':
        return literal("null", 4);
    default:
        if (*m_p == '-' || isDigit(*m_p))
            return number();
        return fail("not a JSON value");
    }
}

bool Scanner::literal(const char *word, qsizetype size)
{
    if (m_end - m_p < size || std::memcmp(m_p, word, size_t(size)) != 0)
        return fail("not a JSON value");
    m_p += size;
    return true;
}

bool Scanner::string()
{
    ++m_p; // the opening quote
    for (;;) {
        // Eight bytes at a time while none of them is a quote, a backslash or a control.
        while (m_end - m_p >= 8) {
            quint64 word;
            std::memcpy(&word, m_p, 8);
            if (anyBelow(word, 0x20) | anyZero(word ^ (Ones * '"')) | anyZero(word ^ (Ones * '\\')))
                break;
            m_p += 8;
        }
        if (atEnd())
            return fail("a string is not closed");
        const uchar c = *m_p;
        if (c == '"') {
            ++m_p;
            return true;
        }
        if (c < 0x20)
            return fail("a control character in a string");
        if (c == '\\') {
            if (!escape())
                return false;
        } else {
            ++m_p;
        }
    }
}

bool Scanner::escape()
{
    ++m_p; // the backslash
    if (atEnd())
        return fail("a string is not closed");
    switch (*m_p) {
    case '"':
    case '\\':
    case '/':
    case 'b':
    case 'f':
    case 'n':
    case 'r':
    case 't':
        ++m_p;
        return true;
    case 'u':
        break;
    default:
        return fail("an unknown escape");
    }
    int unit;
    if (!hex4(&unit))
        return false;
    if (unit >= 0xDC00 && unit <= 0xDFFF)
        return fail("a low surrogate without a high one");
    if (unit < 0xD800 || unit > 0xDBFF)
        return true;
    if (m_end - m_p < 2 || m_p[0] != '\\' || m_p[1] != 'u')
        return fail("a high surrogate without a low one");
    ++m_p;
    if (!hex4(&unit))
        return false;
    if (unit < 0xDC00 || unit > 0xDFFF)
        return fail("a high surrogate without a low one");
    return true;
}

// Reads `uXXXX`, the `u` first.
bool Scanner::hex4(int *value)
{
    ++m_p;
    *value = 0;
    for (int i = 0; i < 4; ++i, ++m_p) {
        const int digit = atEnd() ? -1 : hexValue(*m_p);
        if (digit < 0)
            return fail("\\u needs four hexadecimal digits");
        *value = *value * 16 + digit;
    }
    return true;
}

bool Scanner::number()
{
    if (*m_p == '-')
        ++m_p;
    if (!atEnd() && *m_p == '0') {
        ++m_p;
        if (!atEnd() && isDigit(*m_p))
            return fail("a number with a leading zero");
    } else if (!digits("a number needs digits")) {
        return false;
    }
    if (!atEnd() && *m_p == '.') {
        ++m_p;
        if (!digits("a fraction needs digits"))
            return false;
    }
    if (!atEnd() && (*m_p == 'e' || *m_p == 'E')) {
        ++m_p;
        if (!atEnd() && (*m_p == '+' || *m_p == '-'))
            ++m_p;
        if (!digits("an exponent needs digits"))
            return false;
    }
    return true;
}

bool Scanner::digits(const char *fault)
{
    if (atEnd() || !isDigit(*m_p))
        return fail(fault);
    while (!atEnd() && isDigit(*m_p))
        ++m_p;
    return true;
}

} // namespace

JsonSyntax::Result JsonSyntax::check(QByteArrayView text)
{
    return Scanner(text).run();
}

} // namespace Glosa
