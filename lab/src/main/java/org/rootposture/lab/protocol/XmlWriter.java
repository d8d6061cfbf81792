package org.rootposture.lab.protocol;

import java.time.Instant;

public final class XmlWriter {

    private final StringBuilder xml = new StringBuilder();

    public XmlWriter start(String name) {
        xml.append('<').append(name).append('>');
        return this;
    }

    XmlWriter start(String name, String namespace) {
        xml.append('<').append(name);
        if (namespace != null) {
            xml.append(" xmlns=\"").append(escape(namespace)).append('"');
        }
        xml.append('>');
        return this;
    }

    public XmlWriter end(String name) {
        xml.append("</").append(name).append('>');
        return this;
    }

    public XmlWriter element(String name, Object value) {
        if (value != null) {
            start(name);
            xml.append(escape(value instanceof Instant instant ? instant.toString() : value.toString()));
            end(name);
        }
        return this;
    }

    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&apos;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    @Override
    public String toString() {
        return xml.toString();
    }
}
