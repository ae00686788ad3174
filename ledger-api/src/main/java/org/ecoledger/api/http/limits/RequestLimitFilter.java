package org.ecoledger.api.http.limits;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.ecoledger.api.http.problems.ProblemResponses;
import org.ecoledger.api.http.problems.ProblemType;
import org.ecoledger.api.http.problems.Problems;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Enforces {@link RequestLimits} before anything else reads the request: a body over
 * {@link RequestLimits#MAX_BODY_BYTES} is answered 413 (whether it announces its length or streams), a query
 * parameter over {@link RequestLimits#MAX_STRING_LENGTH} 400, and in a JSON body every string over
 * {@link RequestLimits#MAX_STRING_LENGTH} and every array over {@link RequestLimits#MAX_ARRAY_ITEMS} 400, naming the
 * field by its JSON path; a JSON body that is not well-formed UTF-8, or a string in it holding an unpaired surrogate,
 * is a 400 too. The body read here is replayed to the application ({@link CachedBodyRequest}). A body that
 * is not JSON at all is left to Spring MVC, which answers 400 or 415 for it. Multipart requests are not buffered.
 */
public class RequestLimitFilter extends OncePerRequestFilter {

    private final ObjectMapper mapper;
    private final ProblemResponses problems;

    public RequestLimitFilter(ObjectMapper mapper, ProblemResponses problems) {
        this.mapper = mapper;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            for (String value : parameter.getValue()) {
                if (value != null && value.length() > RequestLimits.MAX_STRING_LENGTH) {
                    problems.write(response, RequestLimits.exceeded("MAX_STRING_LENGTH", parameter.getKey(),
                            "is longer than " + RequestLimits.MAX_STRING_LENGTH + " characters"));
                    return;
                }
            }
        }
        if (hasBody(request) && !concreteMediaType(request.getContentType())) {
            problems.write(response, Problems.of(ProblemType.UNSUPPORTED_MEDIA_TYPE, "The Content-Type '"
                    + printable(request.getContentType()) + "' is not a media type a body can have"));
            return;
        }
        if (!hasBody(request) || isMultipart(request)) {
            chain.doFilter(request, response);
            return;
        }
        if (request.getContentLengthLong() > RequestLimits.MAX_BODY_BYTES) {
            problems.write(response, RequestLimits.bodyTooLarge());
            return;
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(RequestLimits.MAX_BODY_BYTES + 1);
        }
        if (body.length > RequestLimits.MAX_BODY_BYTES) {
            problems.write(response, RequestLimits.bodyTooLarge());
            return;
        }
        if (body.length > 0 && isJson(request)) {
            ProblemDetail exceeded = isUtf8(request) ? checkUtf8(body) : null;
            if (exceeded == null) {
                exceeded = checkJson(body);
            }
            if (exceeded != null) {
                problems.write(response, exceeded);
                return;
            }
        }
        chain.doFilter(new CachedBodyRequest(request, body), response);
    }

    /**
     * A JSON body must be well-formed UTF-8 (RFC 8259): no invalid or overlong byte sequence, no encoded surrogate,
     * nothing beyond U+10FFFF. The JSON parser would otherwise turn such bytes into replacement characters or lone
     * surrogates, which the ledger would store (and hash) as something the client did not send.
     */
    static ProblemDetail checkUtf8(byte[] body) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                                                       .onMalformedInput(CodingErrorAction.REPORT)
                                                       .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(body);
        CharBuffer out = CharBuffer.allocate(4_096);
        while (true) {
            CoderResult result = decoder.decode(in, out, true);
            if (result.isError()) {
                return Problems.field(ProblemType.MALFORMED_REQUEST, "body",
                                      "is not valid UTF-8 (at byte " + in.position() + ")");
            }
            if (result.isUnderflow()) {
                return null;
            }
            out.clear();
        }
    }

    private ProblemDetail checkJson(byte[] body) {
        JsonNode tree;
        try {
            tree = mapper.readTree(body);
        } catch (JsonProcessingException malformed) {
            return null; // Spring MVC answers it with the parser's position
        } catch (IOException e) {
            return null;
        }
        return check(tree, "");
    }

    /** The first exceeded limit in {@code node}, or null. */
    static ProblemDetail check(JsonNode node, String path) {
        if (node == null) {
            return null;
        }
        if (node.isTextual() && node.textValue().length() > RequestLimits.MAX_STRING_LENGTH) {
            return RequestLimits.exceeded("MAX_STRING_LENGTH", name(path),
                    "is longer than " + RequestLimits.MAX_STRING_LENGTH + " characters");
        }
        if (node.isTextual() && hasUnpairedSurrogate(node.textValue())) {
            return Problems.field(ProblemType.MALFORMED_REQUEST, name(path), UNPAIRED_SURROGATE);
        }
        if (node.isArray()) {
            if (node.size() > RequestLimits.MAX_ARRAY_ITEMS) {
                return RequestLimits.exceeded("MAX_ARRAY_ITEMS", name(path),
                        "has more than " + RequestLimits.MAX_ARRAY_ITEMS + " items");
            }
            for (int i = 0; i < node.size(); i++) {
                ProblemDetail inner = check(node.get(i), path + "[" + i + "]");
                if (inner != null) {
                    return inner;
                }
            }
        }
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                if (field.getKey().length() > RequestLimits.MAX_STRING_LENGTH) {
                    return RequestLimits.exceeded("MAX_STRING_LENGTH", name(path),
                            "has a field name longer than " + RequestLimits.MAX_STRING_LENGTH + " characters");
                }
                if (hasUnpairedSurrogate(field.getKey())) {
                    return Problems.field(ProblemType.MALFORMED_REQUEST, name(path),
                                          "has a field name that " + UNPAIRED_SURROGATE);
                }
                ProblemDetail inner = check(field.getValue(), path.isEmpty() ? field.getKey()
                                                                             : path + "." + field.getKey());
                if (inner != null) {
                    return inner;
                }
            }
        }
        return null;
    }

    private static final String UNPAIRED_SURROGATE = "is not valid Unicode (an unpaired surrogate, e.g. \\ud800)";

    /** Whether {@code text} holds a UTF-16 surrogate without its pair (JSON's {@code \\uD800} escape allows it). */
    static boolean hasUnpairedSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return true;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the body is to be read as UTF-8: no charset named, or UTF-8 named. */
    private static boolean isUtf8(HttpServletRequest request) {
        String charset = request.getCharacterEncoding();
        return charset == null || charset.equalsIgnoreCase("UTF-8") || charset.equalsIgnoreCase("UTF8");
    }

    private static String name(String path) {
        return path.isEmpty() ? "body" : path;
    }

    /** Whether a body's Content-Type is absent or one media type without wildcards (RFC 9110, section 8.3). */
    static boolean concreteMediaType(String contentType) {
        if (contentType == null) {
            return true;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return !type.isWildcardType() && !type.isWildcardSubtype();
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    private static String printable(String text) {
        String shown = text.length() > 100 ? text.substring(0, 100) + "…" : text;
        return shown.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
                    .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }

    private static boolean hasBody(HttpServletRequest request) {
        return request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
    }

    private static boolean isMultipart(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/");
    }

    private static boolean isJson(HttpServletRequest request) {
        String type = request.getContentType();
        if (type == null) {
            return false;
        }
        try {
            MediaType mediaType = MediaType.parseMediaType(type);
            return mediaType.getSubtype().equals("json") || mediaType.getSubtype().endsWith("+json");
        } catch (RuntimeException e) {
            return false;
        }
    }
}
