package org.ecoledger.core.rules;

import java.util.List;

/**
 * The shape checks that commands and identifiers run in their compact constructors. Each failure is an
 * {@link InvalidEntryException} naming the field (400), never a {@link RuleViolationException} (409).
 */
public final class Require {

    /** Longest accepted identifier, in characters. */
    public static final int MAX_IDENTIFIER_LENGTH = 128;
    /** Longest accepted free text (a description, findings, a reason), in characters. */
    public static final int MAX_TEXT_LENGTH = 10_000;
    /** Most items accepted in one list field (topics, key tasks, findings). */
    public static final int MAX_LIST_SIZE = 200;

    private Require() {
    }

    public static <T> T present(T value, String field) {
        if (value == null) {
            throw new InvalidEntryException(field, "is required", "必填");
        }
        return value;
    }

    /** A non-blank text of at most {@link #MAX_TEXT_LENGTH} characters, valid Unicode. */
    public static String text(String value, String field) {
        present(value, field);
        if (value.isBlank()) {
            throw new InvalidEntryException(field, "must not be blank", "不能为空白");
        }
        if (value.length() > MAX_TEXT_LENGTH) {
            throw new InvalidEntryException(field, "is longer than " + MAX_TEXT_LENGTH + " characters",
                                            "超过" + MAX_TEXT_LENGTH + "个字符");
        }
        requireUnicode(value, field);
        return value;
    }

    /**
     * Refuses a string holding a UTF-16 surrogate without its pair: it is not Unicode text, has no UTF-8 form (the
     * store would keep something else than was hashed) and no canonical JSON form (hash-chain.md).
     */
    static void requireUnicode(String value, String field) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean paired = Character.isHighSurrogate(c) && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1));
            if (paired) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new InvalidEntryException(field, "is not valid Unicode (an unpaired surrogate)");
            }
        }
    }

    /** Either {@code null} or a {@link #text(String, String)}. */
    public static String optionalText(String value, String field) {
        return value == null ? null : text(value, field);
    }

    /**
     * The plain value inside a typed aggregate identifier ({@code <prefix><value>}, e.g. {@code official/X}).
     *
     * @param what the kind of record, for the message ("an official")
     * @throws IllegalArgumentException when {@code aggregateIdentifier} is not of that kind
     */
    public static String unprefixed(String aggregateIdentifier, String prefix, String what) {
        if (aggregateIdentifier == null || !aggregateIdentifier.startsWith(prefix)) {
            throw new IllegalArgumentException("not the aggregate identifier of " + what + " (" + prefix + "…): "
                                                       + aggregateIdentifier);
        }
        return aggregateIdentifier.substring(prefix.length());
    }

    /**
     * An identifier: non-blank, at most {@link #MAX_IDENTIFIER_LENGTH} characters, no surrounding whitespace, no
     * control characters and no '/', so that it can stand in a URL path segment unchanged; valid Unicode.
     */
    public static String identifier(String value, String field) {
        present(value, field);
        if (value.isBlank()) {
            throw new InvalidEntryException(field, "must not be blank", "不能为空白");
        }
        if (value.length() > MAX_IDENTIFIER_LENGTH) {
            throw new InvalidEntryException(field, "is longer than " + MAX_IDENTIFIER_LENGTH + " characters",
                                            "超过" + MAX_IDENTIFIER_LENGTH + "个字符");
        }
        if (!value.strip().equals(value)) {
            throw new InvalidEntryException(field, "must not start or end with whitespace", "首尾不能有空白");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c) || c == '/') {
                throw new InvalidEntryException(field, "must not contain '/' or control characters",
                                                "不能含有“/”或控制字符");
            }
        }
        requireUnicode(value, field);
        return value;
    }

    public static int nonNegative(int value, String field) {
        if (value < 0) {
            throw new InvalidEntryException(field, "must not be negative", "不能为负数");
        }
        return value;
    }

    /**
     * An immutable copy of a list of texts, each a {@link #text(String, String)}.
     *
     * @param atLeastOne whether the list may be empty
     */
    public static List<String> texts(List<String> values, String field, boolean atLeastOne) {
        present(values, field);
        if (atLeastOne && values.isEmpty()) {
            throw new InvalidEntryException(field, "needs at least one item", "至少需要一项");
        }
        if (values.size() > MAX_LIST_SIZE) {
            throw new InvalidEntryException(field, "has more than " + MAX_LIST_SIZE + " items",
                                            "超过" + MAX_LIST_SIZE + "项");
        }
        for (int i = 0; i < values.size(); i++) {
            text(values.get(i), field + "[" + i + "]");
        }
        return List.copyOf(values);
    }

    /** An immutable copy of a list of integers; {@code null} means none. */
    public static List<Integer> integers(List<Integer> values, String field) {
        if (values == null) {
            return List.of();
        }
        if (values.size() > MAX_LIST_SIZE) {
            throw new InvalidEntryException(field, "has more than " + MAX_LIST_SIZE + " items",
                                            "超过" + MAX_LIST_SIZE + "项");
        }
        for (int i = 0; i < values.size(); i++) {
            present(values.get(i), field + "[" + i + "]");
        }
        return List.copyOf(values);
    }
}
