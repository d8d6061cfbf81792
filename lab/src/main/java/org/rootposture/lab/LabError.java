package org.rootposture.lab;

final class LabError extends RuntimeException {

    private final int status;
    private final String code;

    LabError(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    static LabError badRequest(String code, String message) {
        return new LabError(400, code, message);
    }

    static LabError accessDenied(String message) {
        return new LabError(403, "AccessDenied", message);
    }

    static LabError notAuthorized(Caller caller, String action, String resource) {
        return accessDenied("User: " + caller.arn() + " is not authorized to perform: " + action + " on resource: " + resource);
    }

    static LabError invalidInput(String message) {
        return badRequest("InvalidInput", message);
    }

    static LabError validation(String message) {
        return badRequest("ValidationError", message);
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }
}
