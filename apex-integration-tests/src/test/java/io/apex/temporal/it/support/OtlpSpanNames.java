package io.apex.temporal.it.support;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.UnknownFieldSet;
import java.util.ArrayList;
import java.util.List;

/**
 * The span names in an OTLP {@code ExportTraceServiceRequest}, read with protobuf's generic parser
 * by field number (resource_spans 1, scope_spans 2, spans 2, name 5), so the tests need no
 * generated OTLP classes.
 */
public final class OtlpSpanNames {
  private static final int RESOURCE_SPANS = 1;
  private static final int SCOPE_SPANS = 2;
  private static final int SPANS = 2;
  private static final int NAME = 5;

  private OtlpSpanNames() {}

  public static List<String> of(byte[] exportRequest) {
    List<String> names = new ArrayList<>();
    try {
      for (ByteString resourceSpans :
          messages(UnknownFieldSet.parseFrom(exportRequest), RESOURCE_SPANS)) {
        for (ByteString scopeSpans :
            messages(UnknownFieldSet.parseFrom(resourceSpans), SCOPE_SPANS)) {
          for (ByteString span : messages(UnknownFieldSet.parseFrom(scopeSpans), SPANS)) {
            messages(UnknownFieldSet.parseFrom(span), NAME)
                .forEach(name -> names.add(name.toStringUtf8()));
          }
        }
      }
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalArgumentException("not an OTLP trace export: " + e.getMessage(), e);
    }
    return names;
  }

  private static List<ByteString> messages(UnknownFieldSet message, int field) {
    return message.hasField(field) ? message.getField(field).getLengthDelimitedList() : List.of();
  }
}
