package org.rootposture.lab.iam;

import java.util.List;

import org.rootposture.lab.protocol.Page;
import org.rootposture.lab.protocol.XmlWriter;
import org.rootposture.lab.service.ServiceCall;

/** IAM's pages: {@code Marker} and {@code MaxItems} in the request, {@code IsTruncated} and {@code Marker} in the answer. */
final class IamPages {

    private IamPages() {
    }

    static <T> Page<T> page(ServiceCall call, List<T> items) {
        return Page.of(items, call.form().get("Marker"), call.form().get("MaxItems"), call.lab().fixture().pageSize());
    }

    static void truncation(XmlWriter xml, Page<?> page) {
        xml.element("IsTruncated", page.truncated());
        xml.element("Marker", page.nextToken());
    }
}
