#pragma once

#include <cstdint>
#include <string_view>

// A minimal scanner over compact JSON, enough to find the members the load generator reads
// (type, seq, broadcastId, events, ...) without building a document: it walks the bytes once and
// skips every value it is not asked about. Strings are returned raw, without unescaping.
namespace JsonScan {

inline const char *skipSpace(const char *p, const char *end)
{
    while (p < end && (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t'))
        ++p;
    return p;
}

// p at the opening quote; returns the position after the closing one, or nullptr.
inline const char *skipString(const char *p, const char *end)
{
    for (++p; p < end; ++p) {
        if (*p == '\\')
            ++p;
        else if (*p == '"')
            return p + 1;
    }
    return nullptr;
}

// Returns the position after the value starting at p, or nullptr when it is malformed.
inline const char *skipValue(const char *p, const char *end)
{
    p = skipSpace(p, end);
    if (p >= end)
        return nullptr;
    if (*p == '"')
        return skipString(p, end);
    if (*p == '{' || *p == '[') {
        int depth = 0;
        for (; p < end; ++p) {
            const char c = *p;
            if (c == '"') {
                p = skipString(p, end);
                if (!p)
                    return nullptr;
                --p;
            } else if (c == '{' || c == '[') {
                ++depth;
            } else if (c == '}' || c == ']') {
                if (--depth == 0)
                    return p + 1;
            }
        }
        return nullptr;
    }
    while (p < end && *p != ',' && *p != '}' && *p != ']' && *p != ' ')
        ++p;
    return p;
}

// Calls f(key, value) for each member of the object at p ('{'); key without its quotes, value as
// its raw text. Returns false when the object is malformed.
template<typename F>
bool forEachMember(std::string_view object, F &&f)
{
    const char *p = skipSpace(object.data(), object.data() + object.size());
    const char *end = object.data() + object.size();
    if (p >= end || *p != '{')
        return false;
    p = skipSpace(p + 1, end);
    if (p < end && *p == '}')
        return true;
    while (p < end) {
        if (*p != '"')
            return false;
        const char *keyEnd = skipString(p, end);
        if (!keyEnd)
            return false;
        const std::string_view key(p + 1, std::size_t(keyEnd - p - 2));
        p = skipSpace(keyEnd, end);
        if (p >= end || *p != ':')
            return false;
        const char *valueBegin = skipSpace(p + 1, end);
        const char *valueEnd = skipValue(valueBegin, end);
        if (!valueEnd)
            return false;
        f(key, std::string_view(valueBegin, std::size_t(valueEnd - valueBegin)));
        p = skipSpace(valueEnd, end);
        if (p < end && *p == ',') {
            p = skipSpace(p + 1, end);
            continue;
        }
        return p < end && *p == '}';
    }
    return false;
}

// Calls f(element) for each element of the array at p ('[').
template<typename F>
bool forEachElement(std::string_view array, F &&f)
{
    const char *p = skipSpace(array.data(), array.data() + array.size());
    const char *end = array.data() + array.size();
    if (p >= end || *p != '[')
        return false;
    p = skipSpace(p + 1, end);
    if (p < end && *p == ']')
        return true;
    while (p < end) {
        const char *valueEnd = skipValue(p, end);
        if (!valueEnd)
            return false;
        f(std::string_view(p, std::size_t(valueEnd - p)));
        p = skipSpace(valueEnd, end);
        if (p < end && *p == ',') {
            p = skipSpace(p + 1, end);
            continue;
        }
        return p < end && *p == ']';
    }
    return false;
}

// The text of a string value without its quotes (escapes left as they are).
inline std::string_view unquote(std::string_view value)
{
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"')
        return value.substr(1, value.size() - 2);
    return {};
}

inline std::int64_t toInt(std::string_view value, std::int64_t fallback = -1)
{
    if (value.empty())
        return fallback;
    std::int64_t n = 0;
    bool negative = false;
    std::size_t i = 0;
    if (value[0] == '-') {
        negative = true;
        i = 1;
    }
    if (i >= value.size())
        return fallback;
    for (; i < value.size(); ++i) {
        const char c = value[i];
        if (c < '0' || c > '9')
            return fallback;
        n = n * 10 + (c - '0');
    }
    return negative ? -n : n;
}

} // namespace JsonScan
