package org.kzmove.ui.hosts;

import java.io.File;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.kzmove.remote.command.Privilege;
import org.kzmove.ui.hosts.AddHostViewModel.Authentication;

/**
 * The add-host dialog's content: the profile's fields with their messages, the privilege choice
 * in words, Test connection with its result, Save and Cancel. A thin binder of {@link AddHostViewModel}.
 */
public final class AddHostView extends VBox {
    private static final String ERROR_STYLE = "-fx-text-fill: #c62828; -fx-font-size: 0.9em;";

    private final AddHostViewModel model;

    public AddHostView(AddHostViewModel model) {
        this.model = model;
        setId("addHostView");
        setSpacing(12);
        setPadding(new Insets(16));
        setPrefWidth(560);

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(2);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(labels, fields);

        int row = 0;
        row = field(grid, row, "Name", text("hostNameField", model.nameProperty(), "e.g. sol-prod01"),
                error("hostNameError", model.nameErrorBinding()));
        row = field(grid, row, "Address", text("hostAddressField", model.addressProperty(), "host name or IP address"),
                error("hostAddressError", model.addressErrorBinding()));
        TextField port = text("hostPortField", model.portProperty(), "22");
        port.setPrefColumnCount(6);
        port.setMaxWidth(Region.USE_PREF_SIZE);
        row = field(grid, row, "Port", port, error("hostPortError", model.portErrorBinding()));
        row = field(grid, row, "User", text("hostUserField", model.userProperty(), "your login on the host"),
                error("hostUserError", model.userErrorBinding()));
        row = field(grid, row, "Log in with", authentication(), error("keyFileError", model.keyFileErrorBinding()));
        row = field(grid, row, "Run zoneadm with", privilege(), null);

        Button test = new Button("Test connection");
        test.setId("testConnectionButton");
        test.disableProperty().bind(model.canTestBinding().not());
        test.setOnAction(e -> model.testConnection());
        Label result = new Label();
        result.setId("testResult");
        result.setWrapText(true);
        result.textProperty().bind(model.testResultProperty());
        result.styleProperty().bind(Bindings.createStringBinding(() -> switch (model.testOutcomeProperty().get()) {
            case SUCCEEDED -> "-fx-text-fill: #2e7d32;";
            case FAILED -> "-fx-text-fill: #c62828;";
            default -> "";
        }, model.testOutcomeProperty()));
        HBox.setHgrow(result, Priority.ALWAYS);
        HBox testRow = new HBox(10, test, result);
        testRow.setAlignment(Pos.CENTER_LEFT);

        Label saveError = error("saveError", model.saveErrorProperty());
        Button save = new Button("Save");
        save.setId("saveHostButton");
        save.setDefaultButton(true);
        save.disableProperty().bind(model.canSaveBinding().not());
        save.setOnAction(e -> model.save());
        Button cancel = new Button("Cancel");
        cancel.setId("cancelAddHostButton");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> model.cancel());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = new HBox(8, spacer, cancel, save);

        Label secrets = new Label("Passwords and key passphrases are asked when connecting and never saved.");
        secrets.setWrapText(true);
        secrets.setStyle("-fx-opacity: 0.75;");
        getChildren().addAll(grid, secrets, testRow, saveError, buttons);
    }

    /** Shows the dialog, modal to {@code owner}; it closes itself when the model is done. */
    public static Stage open(Window owner, AddHostViewModel model) {
        Stage stage = new Stage();
        stage.setTitle("Add host");
        if (owner != null) {
            stage.initOwner(owner);
            stage.initModality(Modality.WINDOW_MODAL);
        }
        stage.setScene(new Scene(new AddHostView(model)));
        model.doneProperty().addListener((obs, was, done) -> {
            if (done) {
                stage.close();
            }
        });
        stage.setOnCloseRequest(e -> model.cancel());
        stage.show();
        return stage;
    }

    private Node authentication() {
        ToggleGroup group = new ToggleGroup();
        RadioButton key = new RadioButton("Key file");
        key.setId("keyFileAuth");
        key.setToggleGroup(group);
        key.setUserData(Authentication.KEY_FILE);
        RadioButton password = new RadioButton("Password (asked when connecting)");
        password.setId("passwordAuth");
        password.setToggleGroup(group);
        password.setUserData(Authentication.PASSWORD);
        group.selectToggle(model.authenticationProperty().get() == Authentication.KEY_FILE ? key : password);
        group.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now != null) {
                model.authenticationProperty().set((Authentication) now.getUserData());
            }
        });
        model.authenticationProperty().addListener((obs, old, now) -> group.selectToggle(
                now == Authentication.KEY_FILE ? key : password));

        TextField file = text("keyFileField", model.keyFileProperty(), "~/.ssh/id_ed25519");
        Button browse = new Button("Choose…");
        browse.setId("browseKeyFileButton");
        browse.setOnAction(e -> chooseKeyFile());
        file.disableProperty().bind(model.authenticationProperty().isNotEqualTo(Authentication.KEY_FILE));
        browse.disableProperty().bind(file.disableProperty());
        HBox.setHgrow(file, Priority.ALWAYS);
        HBox fileRow = new HBox(6, file, browse);
        HBox choice = new HBox(16, key, password);
        return new VBox(6, choice, fileRow);
    }

    private void chooseKeyFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Private key file");
        File ssh = new File(System.getProperty("user.home"), ".ssh");
        if (ssh.isDirectory()) {
            chooser.setInitialDirectory(ssh);
        }
        File chosen = chooser.showOpenDialog(getScene() == null ? null : getScene().getWindow());
        if (chosen != null) {
            model.keyFileProperty().set(chosen.getPath());
        }
    }

    private Node privilege() {
        ComboBox<Privilege> choice = new ComboBox<>();
        choice.setId("privilegeChoice");
        choice.getItems().setAll(Privilege.PFEXEC, Privilege.SUDO, Privilege.NONE);
        choice.setConverter(new StringConverter<>() {
            @Override
            public String toString(Privilege p) {
                return p == null ? "" : p.label();
            }

            @Override
            public Privilege fromString(String s) {
                return null;
            }
        });
        choice.valueProperty().bindBidirectional(model.privilegeProperty());
        Label explanation = new Label();
        explanation.setId("privilegeExplanation");
        explanation.setWrapText(true);
        explanation.setStyle("-fx-opacity: 0.75;");
        explanation.textProperty().bind(model.privilegeExplanationBinding());
        return new VBox(4, choice, explanation);
    }

    private static int field(GridPane grid, int row, String label, Node input, Label error) {
        Label l = new Label(label);
        grid.add(l, 0, row);
        grid.add(input, 1, row);
        // Labels face the first line of their input, also when the input is several lines high.
        GridPane.setValignment(l, VPos.TOP);
        GridPane.setMargin(l, new Insets(10, 0, 0, 0));
        GridPane.setMargin(input, new Insets(6, 0, 0, 0));
        if (error == null) {
            return row + 1;
        }
        grid.add(error, 1, row + 1);
        return row + 2;
    }

    private static TextField text(String id, javafx.beans.property.StringProperty property, String prompt) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        field.textProperty().bindBidirectional(property);
        return field;
    }

    private static Label error(String id, ObservableStringValue message) {
        Label label = new Label();
        label.setId(id);
        label.setWrapText(true);
        label.setStyle(ERROR_STYLE);
        label.textProperty().bind(message);
        // Takes no room while there is nothing to say.
        label.visibleProperty().bind(Bindings.isNotEmpty(label.textProperty()));
        label.managedProperty().bind(label.visibleProperty());
        return label;
    }
}
