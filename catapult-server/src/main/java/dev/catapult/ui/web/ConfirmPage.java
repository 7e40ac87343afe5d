package dev.catapult.ui.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.ui.Model;

/**
 * The confirmation step every command goes through ({@code templates/ui/confirm.html}): what will happen, the
 * command's fixed values as hidden fields, any values still to give (a hold's reason), a TOTP field when
 * step-up applies, and a confirm button that is disabled once pressed.
 */
final class ConfirmPage {
    /** A value the user gives on the confirmation page. {@code type} is an HTML input type. */
    record Input(
            String name,
            String label,
            String type,
            boolean required,
            int maxLength,
            @Nullable String hint) {}

    private final String title;
    private final String summary;
    private final String action;
    private final String back;
    private final Map<String, String> fields = new LinkedHashMap<>();
    private final List<Input> inputs = new ArrayList<>();
    private String confirmLabel = "Confirm";
    private boolean danger;
    private boolean askOtp;

    private ConfirmPage(String title, String summary, String action, String back) {
        this.title = title;
        this.summary = summary;
        this.action = action;
        this.back = back;
    }

    /** A page that posts to {@code action}; Cancel goes back to {@code back}. */
    static ConfirmPage of(String title, String summary, String action, String back) {
        return new ConfirmPage(title, summary, action, back);
    }

    ConfirmPage field(String name, String value) {
        fields.put(name, value);
        return this;
    }

    ConfirmPage input(Input input) {
        inputs.add(input);
        return this;
    }

    ConfirmPage confirm(String label, boolean dangerous) {
        this.confirmLabel = label;
        this.danger = dangerous;
        return this;
    }

    ConfirmPage askOtp(boolean ask) {
        this.askOtp = ask;
        return this;
    }

    String render(Model model) {
        model.addAttribute("title", title);
        model.addAttribute("summary", summary);
        model.addAttribute("action", action);
        model.addAttribute("fields", fields);
        model.addAttribute("inputs", inputs);
        model.addAttribute("confirmLabel", confirmLabel);
        model.addAttribute("danger", danger);
        model.addAttribute("askOtp", askOtp);
        model.addAttribute("back", back);
        return "ui/confirm";
    }
}
