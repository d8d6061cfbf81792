package org.rootposture.lab.protocol;

public final class LabError extends RuntimeException {

    private final int status;
    private final String code;

    public LabError(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    public static LabError badRequest(String code, String message) {
        return new LabError(400, code, message);
    }

    public static LabError accessDenied(String message) {
        return new LabError(403, "AccessDenied", message);
    }

    public static LabError notAuthorized(String callerArn, String action, String resource) {
        return accessDenied("User: " + callerArn + " is not authorized to perform: " + action + " on resource: " + resource);
    }

    public static LabError invalidInput(String message) {
        return badRequest("InvalidInput", message);
    }

    public static LabError validation(String message) {
        return badRequest("ValidationError", message);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
