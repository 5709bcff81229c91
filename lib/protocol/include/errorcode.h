#pragma once

#include <QLatin1StringView>

namespace Glosa::ErrorCode {

inline constexpr QLatin1StringView BadRequest{"bad-request"};
inline constexpr QLatin1StringView Unauthorized{"unauthorized"};
inline constexpr QLatin1StringView Forbidden{"forbidden"};
inline constexpr QLatin1StringView NotFound{"not-found"};
inline constexpr QLatin1StringView Conflict{"conflict"};
inline constexpr QLatin1StringView TooLarge{"too-large"};
inline constexpr QLatin1StringView RateLimited{"rate-limited"};
inline constexpr QLatin1StringView Internal{"internal"};

} // namespace Glosa::ErrorCode

namespace Glosa::CloseCode {

enum : int {
    GoingAway = 1001,
    ProtocolError = 1002,  // RFC 6455: a frame that breaks the framing rules
    InvalidPayload = 1007, // RFC 6455: a text message that is not UTF-8
    TooMuchData = 1009,
    SlowConsumer = 4008,
    BadHello = 4400,
    Unauthorized = 4401,
    Forbidden = 4403,
    HelloTimeout = 4408,
    RateLimited = 4429,
};

} // namespace Glosa::CloseCode
